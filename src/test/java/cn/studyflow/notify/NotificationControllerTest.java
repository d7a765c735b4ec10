package cn.studyflow.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import cn.studyflow.support.IntegrationTest;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The unread count in the header of every page, and opening notifications. */
class NotificationControllerTest extends IntegrationTest {

    private static final List<String> PAGES = List.of("/tasks", "/tasks?view=GROUP", "/plans", "/plans/new", "/sessions",
        "/notifications");

    @Autowired NotificationService notifications;
    @Autowired NotificationMapper mapper;
    @Autowired NotificationTexts texts;

    CurrentUser reader;
    CurrentUser other;

    @BeforeEach
    void twoPeopleWithoutNotifications() {
        reader = newPerson("reader", user("bq_member").getOrg(), Role.MEMBER);
        other = newPerson("other", user("bq_member").getOrg(), Role.MEMBER);
    }

    @Test
    void theUnreadCountShowsOnEveryPageAndGoesDownWhenOneIsOpened() throws Exception {
        notifications.notify(reader.getPersonId(), "/sessions", "plan.notify.approved", "卞桥镇党委2041年度学习计划");
        notifications.notify(reader.getPersonId(), "/plans", "plan.notify.overdue", "卞桥镇党委2042年度学习计划");
        for (String page : PAGES) {
            assertThat(badge(page, reader)).as(page).isEqualTo("2");
        }
        String list = html("/notifications", reader);
        assertThat(list).contains("“卞桥镇党委2041年度学习计划”已生效，各专题已排入学习会。",
            "“卞桥镇党委2042年度学习计划”已超过截止日期仍未完成审批。");

        Notification first = mapper.selectByPerson(reader.getPersonId(), 0, 10).get(1);
        mvc.perform(post("/notifications/{id}/open", first.getId()).with(as(reader.getUsername())).with(csrf()))
            .andExpect(redirectedUrl("/sessions"));
        for (String page : PAGES) {
            assertThat(badge(page, reader)).as(page).isEqualTo("1");
        }

        mvc.perform(post("/notifications/read-all").with(as(reader.getUsername())).with(csrf()))
            .andExpect(redirectedUrl("/notifications"));
        assertThat(badge("/tasks", reader)).isNull();
        assertThat(mapper.countUnread(reader.getPersonId())).isZero();
    }

    @Test
    void theCountAlsoShowsOnAnErrorPageWithWhoIsLoggedIn() throws Exception {
        notifications.notify(reader.getPersonId(), "/plans", "plan.notify.approved", "计划");
        String page = mvc.perform(get("/plans/99999999").with(as(reader.getUsername()))).andReturn().getResponse()
            .getContentAsString();
        assertThat(page).contains("您要找的内容不存在", "id=\"unread-count\">1<", reader.getDisplayName(), "action=\"/logout\"");
    }

    @Test
    void openingSomeoneElsesNotificationChangesNothingAndRevealsNothing() throws Exception {
        notifications.notify(reader.getPersonId(), "/plans/12345", "plan.notify.approved", "计划");
        Notification theirs = mapper.selectByPerson(reader.getPersonId(), 0, 1).get(0);

        mvc.perform(post("/notifications/{id}/open", theirs.getId()).with(as(other.getUsername())).with(csrf()))
            .andExpect(redirectedUrl("/notifications"));
        mvc.perform(post("/notifications/read-all").with(as(other.getUsername())).with(csrf()));

        assertThat(mapper.selectById(theirs.getId()).isUnread()).isTrue();
        assertThat(badge("/tasks", reader)).isEqualTo("1");
        assertThat(html("/notifications", other)).doesNotContain("/notifications/" + theirs.getId() + "/open")
            .contains("暂无通知。");
    }

    @Test
    void notificationsAreShownInTheReadersLanguage() throws Exception {
        notifications.notify(reader.getPersonId(), "/plans", "plan.notify.reminder", "2041 plan", "2041-01-31");
        assertThat(mvc.perform(get("/notifications").param("lang", "en").with(as(reader.getUsername())))
            .andReturn().getResponse().getContentAsString())
            .contains("&quot;2041 plan&quot; must be approved by 2041-01-31. Please submit it soon.");
    }

    private String badge(String page, CurrentUser who) throws Exception {
        String html = html(page, who);
        var m = java.util.regex.Pattern.compile("id=\"unread-count\">(\\d+)<").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    private String html(String page, CurrentUser who) throws Exception {
        return mvc.perform(get(page).with(as(who.getUsername()))).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theOneWhoActedIsNamedAsPagesNameThemWithRoleAndOrganisationWhereTwoShareTheName() throws Exception {
        Org town = newOrg("同名镇党委", OrgKind.TOWN, user("qz_dept").getOrg());
        String hash = orgService.personByUsername("bq_member").getPasswordHash();
        Person actor = orgService.createPerson(unique("twin"), "李同名", town, hash, List.of(Role.LEADER));
        orgService.createPerson(unique("twin"), "李同名", user("bq_member").getOrg(), hash, List.of(Role.MEMBER));

        notifications.notify(reader.getPersonId(), "/tasks", "ops.notify.urged", user(actor.getUsername()), "计划", "环节");
        notifications.notify(reader.getPersonId(), "/tasks", "ops.notify.urged",
            orgService.person(other.getPersonId()), "计划", "环节");

        List<String> first;
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            first = notifications.page(reader.getPersonId(), 0, 10).items().stream()
                .map(n -> texts.args(n).get(0)).toList();
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
        assertThat(first).containsExactlyInAnyOrder("李同名（组长 · 同名镇党委）", other.getDisplayName());
        assertThat(mapper.selectByPerson(reader.getPersonId(), 0, 10)).allSatisfy(n -> assertThat(n.getArgs()).doesNotContain("李同名"));
        assertThat(String.join(" ", first)).doesNotContain(actor.getUsername(), other.getUsername());
    }
}
