package cn.studyflow.archive;

import cn.studyflow.common.BusinessException;
import java.time.Clock;
import java.time.Year;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** Which years have an archive: from 2000 up to the current one; a year to come has nothing to keep yet. */
@Component
@RequiredArgsConstructor
class ArchiveYears {

    static final int FIRST = 2000;

    private final Clock clock;

    int current() {
        return Year.now(clock).getValue();
    }

    /** 400 with a clear message for a year to come or before {@value #FIRST}. */
    void requireArchivable(int year) {
        if (year > current()) {
            throw BusinessException.invalid("archive.error.futureYear", String.valueOf(year));
        }
        if (year < FIRST) {
            throw BusinessException.invalid("archive.error.year", String.valueOf(FIRST));
        }
    }

    /** The archive page of an organisation's year. */
    static String link(long orgId, int year) {
        return "/archive?org=" + orgId + "&year=" + year;
    }
}
