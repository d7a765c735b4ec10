package cn.studyflow.session;

import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * The scheduled sessions a person is on the roster of from a day on, soonest first: where a member asks for
 * leave, and where a demo finds a session to ask for.
 */
@Service
@RequiredArgsConstructor
public class ComingSessions {

    private final ComingSessionMapper sessions;

    public List<StudySession> of(long personId, LocalDate from) {
        return sessions.selectComing(personId, from);
    }
}
