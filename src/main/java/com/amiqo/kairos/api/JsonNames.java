package com.amiqo.kairos.api;

/**
 * Turns Java property paths ({@code proposedSlots[0].startsAt}) into the API's JSON names
 * ({@code proposed_slots[0].starts_at}).
 */
final class JsonNames {

	private JsonNames() {
	}

	static String fromJavaPath(String javaPath) {
		if (javaPath == null || javaPath.isEmpty()) {
			return "body";
		}
		StringBuilder result = new StringBuilder(javaPath.length() + 8);
		for (int i = 0; i < javaPath.length(); i++) {
			char c = javaPath.charAt(i);
			if (Character.isUpperCase(c)) {
				result.append('_').append(Character.toLowerCase(c));
			}
			else {
				result.append(c);
			}
		}
		return result.toString();
	}

}
