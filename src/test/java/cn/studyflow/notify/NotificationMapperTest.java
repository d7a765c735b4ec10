package cn.studyflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MapperTest
class NotificationMapperTest {

    @Autowired NotificationMapper notifications;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;

    Person reader;
    Person other;

    @BeforeEach
    void twoPeople() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        reader = Rows.person(people, town, "李文华", true, Role.SECRETARY);
        other = Rows.person(people, town, "王建国", true, Role.LEADER);
    }

    @Test
    void markingOneReadTouchesOnlyThatOneAndOnlyForItsOwner() {
        Notification mine = insert(reader, "plan.notify.approved", OffsetDateTime.now());
        Notification theirs = insert(other, "plan.notify.overdue", OffsetDateTime.now());

        assertThat(notifications.markRead(reader.getId(), theirs.getId(), OffsetDateTime.now())).isZero();
        assertThat(notifications.selectById(theirs.getId()).isUnread()).isTrue();
        assertThat(notifications.countUnread(other.getId())).isOne();

        assertThat(notifications.markRead(reader.getId(), mine.getId(), OffsetDateTime.now())).isOne();
        assertThat(notifications.selectById(mine.getId()).isUnread()).isFalse();
        assertThat(notifications.countUnread(reader.getId())).isZero();
    }

    @Test
    void markingAllReadTouchesOnlyThePersonsOwn() {
        insert(reader, "plan.notify.approved", OffsetDateTime.now());
        insert(reader, "plan.notify.reminder", OffsetDateTime.now());
        insert(other, "plan.notify.overdue", OffsetDateTime.now());

        assertThat(notifications.markRead(reader.getId(), null, OffsetDateTime.now())).isEqualTo(2);
        assertThat(notifications.countUnread(reader.getId())).isZero();
        assertThat(notifications.countUnread(other.getId())).isOne();
    }

    @Test
    void aPersonsNotificationsAreListedNewestFirstAndPaged() {
        OffsetDateTime now = OffsetDateTime.now();
        insert(reader, "first", now.minusHours(2));
        insert(reader, "second", now.minusHours(1));
        insert(reader, "third", now);
        insert(other, "not mine", now);

        assertThat(notifications.selectByPerson(reader.getId(), 0, 2)).extracting(Notification::getMessageKey)
            .containsExactly("third", "second");
        assertThat(notifications.selectByPerson(reader.getId(), 2, 2)).extracting(Notification::getMessageKey)
            .containsExactly("first");
        assertThat(notifications.countByPerson(reader.getId())).isEqualTo(3);
    }

    private Notification insert(Person to, String key, OffsetDateTime at) {
        Notification n = new Notification();
        n.setPersonId(to.getId());
        n.setMessageKey(key);
        n.setArgs("卞桥镇党委2027年度学习计划" + Notification.SEPARATOR + "2027-01-31");
        n.setLink("/plans/1");
        n.setCreatedAt(at);
        notifications.insert(n);
        return n;
    }
}
