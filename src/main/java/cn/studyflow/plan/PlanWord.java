package cn.studyflow.plan;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.upload.WordDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** A plan as a Word document for the paper file: its title, organisation, year and the topics of its revision. */
@Component
@RequiredArgsConstructor
class PlanWord {

    private final PlanService plans;
    private final OrgService orgs;
    private final MessageSource messages;

    /** The plan the user may see (404 otherwise), in the user's language. */
    ResponseEntity<Resource> download(long id, CurrentUser user, Locale locale) {
        Plan plan = plans.get(id, user);
        return document(plan, locale).response(plan.getTitle(), "plan-" + plan.getId());
    }

    /** The plan as a document, for the reader's download and for the archive of its year. */
    WordDocument document(Plan plan, Locale locale) {
        WordDocument doc = new WordDocument(messages, locale);
        doc.title(plan.getTitle())
            .fact("print.organisation", orgs.get(plan.getOrgId()).getName())
            .fact("print.year", doc.msg("print.yearValue", plan.getPlanYear()))
            .fact("plan.kind", doc.msg("plan.kind." + plan.getKind())
                + (plan.getPlanMonth() == null ? "" : " · " + doc.msg("topic.monthValue", plan.getPlanMonth())))
            .fact("plan.status", doc.msg("plan.status." + plan.getStatus()))
            .fact("plan.revision", doc.msg("plan.revisionNo", plan.getRevision()))
            .heading(doc.msg("plan.print.topics"));
        List<PlanTopic> topics = plans.topics(plan, plan.getRevision());
        if (topics.isEmpty()) {
            doc.paragraph(doc.msg("plan.noTopics"));
        } else {
            doc.table(List.of("#", doc.msg("topic.month"), doc.msg("topic.title"), doc.msg("topic.format"),
                doc.msg("topic.speaker"), doc.msg("topic.enlarged")), rows(doc, topics));
        }
        return doc;
    }

    private static List<List<String>> rows(WordDocument doc, List<PlanTopic> topics) {
        List<List<String>> rows = new ArrayList<>();
        for (PlanTopic t : topics) {
            String enlarged = t.isEnlarged()
                ? doc.msg("yes") + (t.getParticipants() == null ? "" : doc.msg("print.label", "") + t.getParticipants())
                : doc.msg("no");
            rows.add(List.of(String.valueOf(rows.size() + 1), doc.msg("topic.monthValue", t.getTopicMonth()),
                nz(t.getTitle()), t.getFormat() == null ? "" : doc.msg("topic.format." + t.getFormat()),
                nz(t.getSpeaker()), enlarged));
        }
        return rows;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
