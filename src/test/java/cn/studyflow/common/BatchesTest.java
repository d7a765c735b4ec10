package cn.studyflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void longListsOfIdsAreReadAThousandAStatementInOrder() {
        List<Long> ids = LongStream.rangeClosed(1, 2500).boxed().toList();
        List<Integer> sizes = new ArrayList<>();

        List<Long> read = Batches.read(ids, batch -> {
            sizes.add(batch.size());
            return batch;
        });

        assertThat(sizes).containsExactly(1000, 1000, 500);
        assertThat(read).isEqualTo(ids);
    }

    @Test
    void noIdsReadNothing() {
        List<List<Long>> asked = new ArrayList<>();

        assertThat(Batches.read(List.<Long>of(), batch -> {
            asked.add(batch);
            return batch;
        })).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void rowsAreWrittenInSlicesOfTheSizeGiven() {
        List<List<Integer>> slices = new ArrayList<>();

        Batches.each(List.of(1, 2, 3, 4, 5), 2, slices::add);

        assertThat(slices).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
    }
}
