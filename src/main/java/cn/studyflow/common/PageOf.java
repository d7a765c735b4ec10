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
        return page + 1 < pages();
    }
}
