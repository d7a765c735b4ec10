package cn.studyflow.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Long lists cut into statements of a bounded length: the ids of an {@code IN} list, the rows of a many-row insert. */
public final class Batches {

    /**
     * Ids in one statement's {@code IN} list: far below PostgreSQL's 32,767 parameters a statement, and short
     * enough for H2 to parse quickly.
     */
    public static final int IDS = 1000;

    private Batches() {
    }

    /** What {@code read} answers for each slice of at most {@link #IDS} ids, in order; nothing is read for no ids. */
    public static <I, T> List<T> read(List<I> ids, Function<List<I>, List<T>> read) {
        List<T> all = new ArrayList<>();
        each(ids, IDS, slice -> all.addAll(read.apply(slice)));
        return all;
    }

    /** Hands {@code items} to {@code action} in slices of at most {@code size}, in order; nothing for no items. */
    public static <T> void each(List<T> items, int size, Consumer<List<T>> action) {
        for (int from = 0; from < items.size(); from += size) {
            action.accept(items.subList(from, Math.min(from + size, items.size())));
        }
    }
}
