package cn.studyflow.session;

import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * The scheduled sessions a person is on the roster of from a day on, soonest first: where a member asks for
 * leave, and where a demo finds a session to ask for. The same rule as the home page's list
 * ({@link SessionQueries#coming}): one query in {@code ScheduleMapper.xml}.
 */
@Service
@RequiredArgsConstructor
public class ComingSessions {

    private final ScheduleMapper schedule;

    public List<StudySession> of(long personId, LocalDate from) {
        return schedule.selectComingSessions(personId, from);
    }
}
