package cn.studyflow.session;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * A town of the sign-in tests, made fresh for each test below 青州市委: its secretary, leader and members, and
 * sessions of it with a roster.
 */
record SignInTown(Org org, CurrentUser secretary, CurrentUser leader, List<CurrentUser> members, DataSource db,
                  Roster roster) {

    /** A session starting at {@code startsAt} with these people on its roster. */
    long session(LocalDateTime startsAt, CurrentUser... onRoster) {
        long id = SignInFixture.session(db, org.getId(), startsAt, "学习会" + startsAt.toLocalTime());
        roster.add(Arrays.stream(onRoster).map(u -> Roster.expected(id, u.getPersonId(), Part.MEMBER)).toList());
        return id;
    }

    CurrentUser member(int i) {
        return members.get(i);
    }
}
