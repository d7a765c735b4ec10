package cn.studyflow.archive;

import cn.studyflow.common.BusinessException;
import cn.studyflow.common.Dates;
import cn.studyflow.org.ClosedYears;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** The closed years as every feature asks before it writes dated work: a row in {@code sf_closed_year}. */
@Service
@RequiredArgsConstructor
class ClosedYearsService implements ClosedYears {

    private final YearClosingMapper closings;
    private final Dates dates;

    @Override
    public boolean isClosed(long orgId, int year) {
        return closings.selectClosed(orgId, year) != null;
    }

    /** 409 naming the year, who closed it and when, and what to do: the leader reopens it first. */
    @Override
    public void requireOpen(long orgId, int year) {
        ClosedYear closed = closings.selectClosed(orgId, year);
        if (closed != null) {
            throw BusinessException.conflict("archive.error.yearClosed", String.valueOf(year), dates.day(closed.closedAt()),
                closed.closedByName());
        }
    }
}
