package cn.studyflow.session;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Role;
import cn.studyflow.support.IntegrationTest;
import cn.studyflow.upload.UploadSamples;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;

/** The API's side of recording a session: the same rules, answered in JSON. */
class SessionRecordApiTest extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    @Test
    void theSecretaryRecordsASessionByTheApiAndEachRefusalIsAClearJsonAnswer() throws Exception {
        SessionRows rows = new SessionRows(jdbc);
        Org town = newOrg("测试镇党委", OrgKind.TOWN, orgService.get(user("qz_dept").getOrgId()));
        CurrentUser secretary = newPerson("sec", town, Role.SECRETARY);
        CurrentUser member = newPerson("mem", town, Role.MEMBER);
        long id = rows.session(town.getId(), "接口", LocalDate.now(clock));
        rows.roster(id, member.getPersonId(), Part.MEMBER, Attendance.EXPECTED);
        int seen = rows.version(id);

        mvc.perform(post("/api/sessions/{id}/held", id).param("version", "" + seen).with(httpBasic(secretary.getUsername(), PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.markedAbsent").value(1));
        mvc.perform(post("/api/sessions/{id}/held", id).param("version", "" + seen).with(httpBasic(secretary.getUsername(), PASSWORD)))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.message").value(containsString(secretary.getDisplayName())));
        mvc.perform(put("/api/sessions/{id}/minutes", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": " + rows.version(id) + ", \"minutes\": \"书记领学。\"}")
                .with(httpBasic(secretary.getUsername(), PASSWORD)))
            .andExpect(status().isOk());
        mvc.perform(multipart("/api/sessions/{id}/files", id)
                .file(new MockMultipartFile("file", "会场.jpg", "image/jpeg", UploadSamples.exe())).param("kind", "PHOTO")
                .with(httpBasic(secretary.getUsername(), PASSWORD)))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.code").value("upload.error.type"));
        mvc.perform(multipart("/api/sessions/{id}/files", id)
                .file(new MockMultipartFile("file", "会场.jpg", "image/jpeg", UploadSamples.image("jpg"))).param("kind", "PHOTO")
                .with(httpBasic(secretary.getUsername(), PASSWORD)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.type").value("JPEG"));
        mvc.perform(get("/api/sessions/{id}/files", id).with(httpBasic(member.getUsername(), PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[0].name").value("会场.jpg"))
            .andExpect(jsonPath("$[0].storedName").doesNotExist());
        mvc.perform(get("/api/sessions/{id}/files", id).with(httpBasic("wfz_member", PASSWORD)))
            .andExpect(status().isNotFound());
    }
}
