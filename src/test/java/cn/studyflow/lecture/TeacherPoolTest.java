package cn.studyflow.lecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.session.Part;
import cn.studyflow.session.RosterEntry;
import cn.studyflow.session.ScheduleForm;
import cn.studyflow.session.SessionScheduling;
import cn.studyflow.support.StudyGroup;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The teacher pool (师资团): a lecturer named outstanding joins it, read across the campaign's subtree (page and
 * API) and nowhere else; a secretary there finds them on the schedule form and makes them a session's lead speaker.
 */
class TeacherPoolTest extends LectureFixture {

    @Autowired TeacherPool pool;
    @Autowired SessionScheduling scheduling;

    @Test
    void aLecturerNamedOutstandingJoinsThePoolOfTheCampaignsSubtree() {
        enter(member2, "没有入选的党课");
        assertThat(pool.readable(town2Member)).extracting(Teacher::getPersonId)
            .as("nobody before the top round names them").doesNotContain(member.getPersonId(), member2.getPersonId());

        named(member, "田间地头话振兴");

        assertThat(pool.readable(town2Member)).filteredOn(t -> t.getPersonId() == member.getPersonId())
            .singleElement().satisfies(t -> {
                assertThat(t.getName()).isEqualTo(orgService.person(member.getPersonId()).getDisplayName());
                assertThat(t.getOrgName()).isEqualTo(town.getName());
                assertThat(t.getLectures()).isEqualTo(1);
                assertThat(t.getLastYear()).isEqualTo(campaign.getStudyYear());
            });
        assertThat(pool.readable(town2Member)).extracting(Teacher::getPersonId)
            .as("only those named outstanding").doesNotContain(member2.getPersonId());
        assertThat(pool.readable(user("wfz_member"))).extracting(Teacher::getPersonId)
            .as("not outside the campaign's subtree").doesNotContain(member.getPersonId());
    }

    @Test
    void thePoolIsAPageAndAnApiWithTheLibrarysScope() throws Exception {
        named(member, "车间里的党课");
        String name = orgService.person(member.getPersonId()).getDisplayName();

        mvc.perform(get("/lectures/teachers").with(as(town2Member.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("teacher-" + member.getPersonId() + "\"")))
            .andExpect(content().string(containsString(name)));
        mvc.perform(get("/lectures/teachers").with(as("wfz_member")))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString("teacher-" + member.getPersonId() + "\""))));
        mvc.perform(get("/api/lectures/teachers").with(as(town2Member.getUsername())))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[?(@.personId == " + member.getPersonId() + ")].name").value(name));
        mvc.perform(get("/api/lectures/teachers").with(as("wfz_member")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[?(@.personId == " + member.getPersonId() + ")]").isEmpty());
    }

    @Test
    void aSecretaryInTheSubtreeChoosesTheLeadSpeakerFromThePool() throws Exception {
        named(member, "行走的党课");
        String name = orgService.person(member.getPersonId()).getDisplayName();
        CurrentUser secretary = newPerson("lt2_secretary", town2, Role.SECRETARY);
        long session = new StudyGroup.Sessions(jdbc, roster, town2.getId()).inDays(5, town2Member);

        mvc.perform(get("/sessions/" + session).with(as(secretary.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"speaker-pool\"")))
            .andExpect(content().string(containsString(name + "（" + town.getName() + "）")));
        mvc.perform(get("/sessions/new").with(as(secretary.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(name + "（" + town.getName() + "）")));

        ScheduleForm form = new ScheduleForm();
        form.setVersion(0);
        form.setDate(LocalDate.now(StudyGroup.ZONE).plusDays(6));
        form.setStartTime(LocalTime.of(9, 0));
        form.setEndTime(LocalTime.of(11, 0));
        form.setPlace("二镇党委会议室");
        form.setChairId(secretary.getPersonId());
        form.setSpeakerIds(List.of(member.getPersonId()));
        form.setReason("改由师资团成员领学");
        scheduling.schedule(secretary, session, form);

        assertThat(roster.of(session)).filteredOn(r -> r.getPart() == Part.SPEAKER)
            .extracting(RosterEntry::getPersonId).containsExactly(member.getPersonId());
    }
}
