package com.amiqo.kairos.negotiation;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/** The plain one-line {@code last_message_preview} texts ("Bob accepted"). Never built from blob content. */
final class Previews {

    private static final Map<String, String> PLANS = Map.ofEntries(
            Map.entry("coffee", "a coffee"), Map.entry("lunch", "lunch"), Map.entry("dinner", "dinner"),
            Map.entry("drinks", "drinks"), Map.entry("gym", "a gym session"), Map.entry("walk", "a walk"),
            Map.entry("movie", "a movie"), Map.entry("concert", "a concert"), Map.entry("study", "a study session"),
            Map.entry("game", "a game"), Map.entry("brunch", "brunch"),
            // The title carries the words of an "other" plan; the preview stays generic.
            Map.entry("other", "a plan"));

    private Previews() {
    }

    static String proposed(@Nullable String organizerName, String intentCategory) {
        return name(organizerName) + " proposed " + PLANS.getOrDefault(intentCategory, intentCategory);
    }

    static String joined(@Nullable String name) {
        return name(name) + " joined";
    }

    static String cancelled(@Nullable String organizerName) {
        return name(organizerName) + " cancelled";
    }

    static String reply(@Nullable String replierName, ReplyAction action, Negotiation.Applied applied,
            String intentCategory) {
        if (applied.outcome() == Negotiation.Outcome.SENT) {
            return proposed(replierName, intentCategory);
        }
        return switch (action) {
            case ACCEPT -> name(replierName) + " accepted";
            case DECLINE -> name(replierName) + " declined";
            case COUNTER -> name(replierName) + " suggested " + counted(applied.addedSlots().size(),
                    applied.addedVenues().size());
        };
    }

    private static String counted(int times, int places) {
        if (times == 0 && places == 0) {
            return "other options";
        }
        String timesText = times == 0 ? "" : times + (times == 1 ? " new time" : " new times");
        String placesText = places == 0 ? "" : places + (places == 1 ? " new place" : " new places");
        return timesText.isEmpty() ? placesText : placesText.isEmpty() ? timesText : timesText + " and " + placesText;
    }

    private static String name(@Nullable String displayName) {
        return displayName == null ? "Someone" : displayName;
    }
}
