package cn.studyflow.task;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.support.MapperTest;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MapperTest
class ActionMapperTest {

    @Autowired ActionMapper actions;

    @Test
    void theTimelineOfASubjectIsInTheOrderOfEvents() {
        OffsetDateTime now = OffsetDateTime.now();
        insert("PLAN", 7, "t1", "CREATE", now.minusMinutes(3));
        insert("PLAN", 7, "t1", "SUBMIT", now.minusMinutes(2));
        insert("PLAN", 8, "t2", "CREATE", now.minusMinutes(1));
        insert("MATERIAL", 7, "t3", "CREATE", now);

        assertThat(actions.selectBySubject("PLAN", 7)).extracting(Action::getAction).containsExactly("CREATE", "SUBMIT");
        assertThat(actions.selectBySubject("PLAN", 9)).isEmpty();
    }

    @Test
    void theLastActionOnATaskIsTheNewestOneAndNullWhenNobodyActed() {
        OffsetDateTime now = OffsetDateTime.now();
        insert("PLAN", 7, "task-a", "CLAIM", now);
        insert("PLAN", 7, "task-a", "APPROVE", now);
        insert("PLAN", 7, "task-b", "CLAIM", now);

        assertThat(actions.selectLastByTask("task-a").getAction()).isEqualTo("APPROVE");
        assertThat(actions.selectLastByTask("task-b").getAction()).isEqualTo("CLAIM");
        assertThat(actions.selectLastByTask("task-c")).isNull();
    }

    private void insert(String type, long subjectId, String taskId, String action, OffsetDateTime at) {
        Action a = new Action();
        a.setSubjectType(type);
        a.setSubjectId(subjectId);
        a.setTaskId(taskId);
        a.setAction(action);
        a.setActorName("王建国");
        a.setCreatedAt(at);
        actions.insert(a);
        assertThat(a.getId()).isNotNull();
    }
}
