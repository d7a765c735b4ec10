package cn.studyflow.lecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import cn.studyflow.session.SessionService;
import cn.studyflow.support.StudyGroup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

/**
 * A study session takes a library lecture as its topic: its secretary links it from the lecture's page, the session's
 * page shows the lecture and the lecture's page the session; what is not in the library, a session one does not
 * schedule or one already held is refused with nothing kept.
 */
class SessionTopicsTest extends LectureFixture {

    @Autowired SessionTopics topics;
    @Autowired SessionService sessions;

    CurrentUser secretary;
    StudyGroup.Sessions town2Sessions;

    @BeforeEach
    void secretary() {
        secretary = newPerson("lt2_secretary", town2, Role.SECRETARY);
        town2Sessions = new StudyGroup.Sessions(jdbc, roster, town2.getId());
    }

    @Test
    void aSecretaryTakesALibraryLectureAsTheirSessionsTopicAndBothPagesShowIt() throws Exception {
        LectureEntry lecture = named(member, "田间地头话振兴");
        long session = town2Sessions.inDays(5, town2Member);
        String sessionTitle = sessions.title(session);

        mvc.perform(get("/lectures/entries/" + lecture.getId()).with(as(secretary.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"topic-form\"")))
            .andExpect(content().string(containsString(sessionTitle)));
        mvc.perform(post("/lectures/entries/" + lecture.getId() + "/sessions").with(as(secretary.getUsername()))
                .with(SecurityMockMvcRequestPostProcessors.csrf()).param("sessionId", String.valueOf(session)))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrl("/lectures/entries/" + lecture.getId()));

        mvc.perform(get("/sessions/" + session).with(as(town2Member.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("href=\"/lectures/entries/" + lecture.getId() + "\"")))
            .andExpect(content().string(containsString("田间地头话振兴")));
        mvc.perform(get("/lectures/entries/" + lecture.getId()).with(as(town2Member.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("topic-session-" + session + "\"")))
            .andExpect(content().string(containsString(sessionTitle)));
        mvc.perform(get("/api/lectures/entries/" + lecture.getId() + "/sessions").with(as(town2Member.getUsername())))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[0].id").value(session))
            .andExpect(jsonPath("$[0].title").value(sessionTitle));
        assertThat(topics.sessionsOf(lecture, user("wfz_member"))).as("only sessions the reader may see").isEmpty();
    }

    @Test
    void whatIsNotInTheLibraryOrNotOnesOwnOpenSessionIsRefusedAndNothingKept() throws Exception {
        LectureEntry notSelected = enter(member2, "没有入选的党课");
        LectureEntry lecture = named(member, "车间里的党课");
        long session = town2Sessions.inDays(5, town2Member);
        long held = town2Sessions.inDays(-2, town2Member);
        town2Sessions.setStatus(held, SessionService.HELD);
        long elsewhere = new StudyGroup.Sessions(jdbc, roster, user("wfz_member").getOrgId()).inDays(5);

        refused(() -> topics.link(notSelected.getId(), session, townDept), HttpStatus.BAD_REQUEST,
            "lecture.error.notInLibrary");
        refused(() -> topics.link(lecture.getId(), session, town2Member), HttpStatus.FORBIDDEN, "error.forbidden");
        refused(() -> topics.link(lecture.getId(), held, secretary), HttpStatus.BAD_REQUEST, "lecture.error.sessionClosed");
        refused(() -> topics.link(lecture.getId(), elsewhere, secretary), HttpStatus.NOT_FOUND, "error.notFound");
        mvc.perform(post("/api/lectures/entries/" + lecture.getId() + "/sessions").with(as(secretary.getUsername()))
                .with(SecurityMockMvcRequestPostProcessors.csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"sessionId\": " + held + "}"))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("已召开或已取消")));
        mvc.perform(post("/api/lectures/entries/" + lecture.getId() + "/sessions").with(as(secretary.getUsername()))
                .with(SecurityMockMvcRequestPostProcessors.csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
            .andExpect(status().isBadRequest());

        for (long s : new long[] {session, held, elsewhere}) {
            assertThat(mapper.selectSessionTopic(s)).as("nothing kept for session " + s).isNull();
        }
    }
}
