package com.amiqo.kairos.negotiation.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Mapping a list without a stream, for the code every request runs (loading, checking and
 * showing a negotiation), whose lists hold a handful of items: there a stream pipeline
 * costs more than the work (docs/performance.md). Elsewhere streams read better and stay.
 */
public final class Lists {

	private Lists() {
	}

	/** Each item mapped, in order, as an unmodifiable list. */
	public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> mapping) {
		List<R> mapped = new ArrayList<>(items.size());
		for (T item : items) {
			mapped.add(mapping.apply(item));
		}
		return Collections.unmodifiableList(mapped);
	}

}
