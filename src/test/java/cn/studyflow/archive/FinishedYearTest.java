package cn.studyflow.archive;

import cn.studyflow.session.SessionFiles;
import cn.studyflow.support.StudyGroupTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** The base of the archive tests: a study group of the test's own with its last year finished ({@link FinishedYear}). */
abstract class FinishedYearTest extends StudyGroupTest {

    @Autowired SessionFiles sessionFiles;

    FinishedYear year;

    @BeforeEach
    void finishYear() {
        year = new FinishedYear(group, jdbc, roster, sessionFiles);
    }

    String orgId() {
        return String.valueOf(group.org().getId());
    }
}
