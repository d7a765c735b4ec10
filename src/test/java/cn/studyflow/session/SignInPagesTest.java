package cn.studyflow.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CurrentUser;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.servlet.http.Cookie;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/** The sign-in pages: the secretary's panel, the projector and its QR code, the phone page, the forms' answers. */
class SignInPagesTest extends TwoMemberSessionTest {

    @Test
    void theSecretaryOpensSignInFromThePanelAndGetsTheProjectorWhoseQrLeadsToThePhonePageWithTheCode() throws Exception {
        mvc.perform(get(desk()).with(as(town.secretary().getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"signin-open\"")))
            .andExpect(content().string(containsString("尚未开启签到")))
            .andExpect(content().string(containsString(town.member(1).getDisplayName())));
        mvc.perform(post(desk() + "/open").with(as(town.secretary().getUsername())).with(csrf()))
            .andExpect(redirectedUrl(desk())).andExpect(flash().attribute("message", "signin.opened"));
        mvc.perform(get(desk()).with(as(town.secretary().getUsername())))
            .andExpect(content().string(containsString("签到进行中")))
            .andExpect(content().string(containsString("/sessions/" + session + "/signin/projector")))
            .andExpect(content().string(containsString("id=\"signin-close\"")));

        String code = code(town, session);
        mvc.perform(get(desk() + "/projector").with(as(town.secretary().getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(">" + code + "<")))
            .andExpect(content().string(containsString("/js/signin-projector.js")))
            .andExpect(content().string(containsString("data-code-url=\"/api/sessions/" + session + "/signin/code\"")))
            .andExpect(content().string(not(containsString("<script>"))));
        MvcResult png = mvc.perform(get(desk() + "/qr.png").with(as(town.secretary().getUsername())))
            .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"))
            .andExpect(header().string("Cache-Control", containsString("no-store"))).andReturn();
        assertThat(decode(png.getResponse().getContentAsByteArray()))
            .isEqualTo("http://localhost/signin/" + session + "?code=" + code(town, session));
    }

    @Test
    void onlyTheSecretaryOrLeaderSeesTheControlsAndTheProjectorAndOutsidersSeeNothing() throws Exception {
        signIn.open(town.secretary(), session);
        for (CurrentUser reader : new CurrentUser[] {town.member(0), user("qz_manager")}) {
            mvc.perform(get(desk()).with(as(reader.getUsername())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("签到进行中")))
                .andExpect(content().string(not(containsString("id=\"signin-close\""))))
                .andExpect(content().string(not(containsString("name=\"reason\""))));
            mvc.perform(get(desk() + "/projector").with(as(reader.getUsername()))).andExpect(status().isForbidden());
            mvc.perform(get(desk() + "/qr.png").with(as(reader.getUsername()))).andExpect(status().isForbidden());
        }
        mvc.perform(get(desk()).with(as(town.leader().getUsername())))
            .andExpect(content().string(containsString("id=\"signin-close\"")));
        mvc.perform(get(desk()).with(as("wfz_secretary"))).andExpect(status().isNotFound());
        mvc.perform(get("/signin/" + session).with(as("wfz_secretary"))).andExpect(status().isNotFound());
    }

    @Test
    void aMemberSignsInOnThePhonePageByTypingTheCodeAndIsToldWhen() throws Exception {
        signIn.open(town.secretary(), session);
        String member = town.member(0).getUsername();
        mvc.perform(get("/signin").with(as(member)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("inputmode=\"numeric\"")))
            .andExpect(content().string(containsString("href=\"/signin/" + session + "\"")));

        MvcResult done = mvc.perform(post("/signin").param("code", code(town, session)).with(as(member)).with(csrf()))
            .andExpect(redirectedUrl("/signin")).andReturn();
        mvc.perform(get("/signin").with(as(member)).cookie(stored(done)))
            .andExpect(content().string(containsString("已签到：学习会")));
        assertThat(attendance(session, town.member(0))).isEqualTo(Attendance.PRESENT);

        mvc.perform(post("/signin").param("code", code(town, session)).with(as(member)).with(csrf())
                .header("Referer", "http://localhost/signin"))
            .andExpect(redirectedUrl("/signin")).andExpect(flash().attribute("error", containsString("你已于")));
    }

    @Test
    void theQrLeadsALoggedOutPhoneToTheLoginAndALoggedInOneToAOneTapSignIn() throws Exception {
        signIn.open(town.secretary(), session);
        String code = code(town, session);
        MockHttpSession phone = new MockHttpSession();
        mvc.perform(get("/signin/" + session).param("code", code).session(phone))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("http://localhost/login"));

        mvc.perform(get("/signin/" + session).param("code", code).with(as(town.member(1).getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("value=\"" + code + "\"")))
            .andExpect(content().string(containsString("action=\"/signin/" + session + "\"")));
        mvc.perform(post("/signin/" + session).param("code", "000000").with(as(town.member(1).getUsername())).with(csrf())
                .header("Referer", "http://localhost/signin/" + session + "?code=" + code))
            .andExpect(flash().attribute("error", containsString("签到码不正确或已过期")));
        assertThat(attendance(session, town.member(1))).isEqualTo(Attendance.EXPECTED);
        mvc.perform(post("/signin/" + session).param("code", code).with(as(town.member(1).getUsername())).with(csrf()))
            .andExpect(redirectedUrl("/signin"));
        assertThat(attendance(session, town.member(1))).isEqualTo(Attendance.PRESENT);
    }

    @Test
    void theSecretaryMarksByHandDrawsASpeakerChecksTheDrawAndNotesWhatWasSaid() throws Exception {
        String secretary = town.secretary().getUsername();
        mvc.perform(post(desk() + "/marks").param("personId", "" + town.member(0).getPersonId()).param("attendance", "LATE")
                .param("reason", "现场核实").with(as(secretary)).with(csrf()))
            .andExpect(redirectedUrl(desk())).andExpect(flash().attribute("message", "signin.marked"));
        mvc.perform(post(desk() + "/marks").param("personId", "" + town.member(1).getPersonId()).param("attendance", "LATE")
                .with(as(secretary)).with(csrf()).header("Referer", "http://localhost" + desk()))
            .andExpect(redirectedUrl(desk())).andExpect(flash().attribute("error", containsString("请填写补签原因")));
        MvcResult drawn = mvc.perform(post("/sessions/" + session + "/roll-calls").with(as(secretary)).with(csrf()))
            .andExpect(redirectedUrl(desk())).andExpect(flash().attribute("drawn", town.member(0).getDisplayName())).andReturn();
        mvc.perform(get(desk()).with(as(secretary)).cookie(stored(drawn)))
            .andExpect(content().string(containsString("抽中：" + town.member(0).getDisplayName())))
            .andExpect(content().string(containsString(town.secretary().getDisplayName() + "补签：现场核实")));
        long callId = jdbc.queryForObject("SELECT id FROM sf_session_call WHERE session_id = ?", Long.class, session);
        MvcResult verified = mvc.perform(post("/sessions/" + session + "/roll-calls/" + callId + "/verify").with(as("qz_dept")).with(csrf()))
            .andExpect(redirectedUrl(desk())).andReturn();
        mvc.perform(get(desk()).with(as("qz_dept")).cookie(stored(verified)))
            .andExpect(content().string(containsString("复核一致")));
        mvc.perform(post("/sessions/" + session + "/roll-calls/" + callId + "/note").param("note", "结合本职谈体会")
                .with(as(secretary)).with(csrf()))
            .andExpect(flash().attribute("message", "rollcall.noted"));
        mvc.perform(get(desk()).with(as(town.member(1).getUsername())).param("lang", "en"))
            .andExpect(content().string(containsString("结合本职谈体会")))
            .andExpect(content().string(containsString("Random roll-call")));
    }

    /** The session cookie of a redirect: its flash attributes reach the next page through the JDBC session store. */
    private static Cookie stored(MvcResult redirect) {
        Cookie cookie = redirect.getResponse().getCookie("SESSION");
        assertThat(cookie).as("the session of the JDBC store").isNotNull();
        return cookie;
    }

    private String desk() {
        return "/sessions/" + session + "/signin";
    }

    /**
     * Read as the pure barcode the server draws: ZXing's general detector, which looks for a code in a photo, misses
     * about one in 250 of these perfect images (12 of 3,000 random sign-in URLs), the pure reader none.
     */
    private static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
            Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
