package cn.studyflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NotificationArgsTest {

    @Test
    void shortArgumentsAreKeptAsTheyAre() {
        Notification n = new Notification();
        n.setArgs(NotificationService.joined("卞桥镇党委2027年度学习计划", "宣传委员审核", "王建国", null));
        assertThat(n.argList()).containsExactly("卞桥镇党委2027年度学习计划", "宣传委员审核", "王建国", "");
    }

    @Test
    void longArgumentsAreShortenedSoThatTheyAlwaysFitTheColumn() {
        String comment = "请".repeat(2000);
        String stored = NotificationService.joined("计".repeat(200), "宣传委员审核", "王建国", comment);
        assertThat(stored.length()).isLessThanOrEqualTo(NotificationService.MAX_ARGS_LENGTH);

        Notification n = new Notification();
        n.setArgs(stored);
        assertThat(n.argList()).hasSize(4);
        assertThat(n.argList().get(3)).hasSize(NotificationService.MAX_ARG_LENGTH).startsWith("请请请").endsWith("…");

        Object[] many = new Object[12];
        Arrays.fill(many, "长".repeat(500));
        assertThat(NotificationService.joined(many).length()).isLessThanOrEqualTo(NotificationService.MAX_ARGS_LENGTH);
    }

    @Test
    void theSeparatorTypedIntoAnArgumentDoesNotSplitIt() {
        Notification n = new Notification();
        n.setArgs(NotificationService.joined("甲" + Notification.SEPARATOR + "乙", "丙"));
        assertThat(n.argList()).containsExactly("甲 乙", "丙");
    }
}
