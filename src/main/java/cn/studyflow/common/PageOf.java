package cn.studyflow.common;

import java.util.List;

/** One page of a list that is paginated on the server. Pages are numbered from 0. */
public record PageOf<T>(List<T> items, long total, int page, int size) {

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) page + 1 < pages();
    }

    /** A page size asked for in a request, kept between 1 and {@code max}. */
    public static int size(int size, int max) {
        return Math.min(Math.max(size, 1), max);
    }

    /**
     * A page number asked for in a request, made safe: never negative, and small enough that the first and the
     * last row of the page ({@code page * size} and past) still fit an int, so that no offset overflows into a
     * negative number in SQL. A page past the end is simply empty.
     */
    public static int page(int page, int size) {
        return Math.min(Math.max(page, 0), Integer.MAX_VALUE / Math.max(size, 1) - 1);
    }
}
