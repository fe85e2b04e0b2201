package io.rollcall.domain;

import java.util.List;

/**
 * One page of a sorted list.
 *
 * @param <T> the item type
 * @param items the page's items
 * @param cursors one opaque cursor per item
 * @param hasNext whether items follow the page
 * @param hasPrevious whether items precede the page
 * @param total all items across pages
 */
public record Page<T>(List<T> items, List<String> cursors, boolean hasNext, boolean hasPrevious, int total) {

	public Page {
		items = List.copyOf(items);
		cursors = List.copyOf(cursors);
	}

}
