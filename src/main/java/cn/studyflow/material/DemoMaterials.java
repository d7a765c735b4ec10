package cn.studyflow.material;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.DemoPeople;
import cn.studyflow.upload.ClasspathUpload;
import cn.studyflow.session.StudySession;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In the demo profile, a speech of 卞桥镇's member as a real PDF ({@code demo/material-speech.pdf}, printed from a
 * one-page HTML by Chromium), uploaded and submitted through the real process for the first coming session, so that
 * the office (bq_office) finds it among its tasks and reads it in the page. Runs after the demo sessions; without a
 * coming session it says so and uploads nothing. Off with {@code studyflow.demo.sample-material=false}.
 */
@Component
@Profile("demo")
@Order(120)
@RequiredArgsConstructor
class DemoMaterials implements ApplicationRunner {

    static final String AUTHOR = "bq_member";
    static final String TITLE = "以党的创新理论引领乡村全面振兴（研讨发言）";
    static final String FILE = "demo/material-speech.pdf";
    static final String FILE_NAME = "研讨发言-乡村全面振兴.pdf";

    private static final Logger log = LoggerFactory.getLogger(DemoMaterials.class);

    private final MaterialUploads uploads;
    private final MaterialService materials;
    private final MaterialMapper mapper;
    private final DemoPeople people;
    @Value("${studyflow.demo.sample-material:true}")
    private final boolean enabled;

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            upload();
        }
    }

    /** Uploads and submits the sample speech, unless the session has it already. */
    Optional<Material> upload() {
        CurrentUser author = people.user(AUTHOR);
        List<StudySession> open = materials.openSessions(author);
        if (open.isEmpty()) {
            log.info("Demo material: 卞桥镇 has no coming session; no sample material");
            return Optional.empty();
        }
        StudySession session = open.get(0);
        boolean there = mapper.selectOpenIds(session.getId()).stream()
            .anyMatch(id -> TITLE.equals(mapper.selectById(id).getTitle()));
        if (there) {
            return Optional.empty();
        }
        MaterialForm form = new MaterialForm();
        form.setSessionId(session.getId());
        form.setKind(MaterialKind.SPEECH);
        form.setTitle(TITLE);
        form.setSummary("结合分管工作，谈以党的创新理论引领乡村全面振兴的学习体会和下一步打算。");
        Material m = uploads.create(author, form, new ClasspathUpload(FILE, FILE_NAME, "application/pdf"), true);
        log.info("Demo material: {} submitted \"{}\" (a PDF) for session {}, waiting for the office's first review",
            AUTHOR, TITLE, session.getId());
        return Optional.of(m);
    }
}
