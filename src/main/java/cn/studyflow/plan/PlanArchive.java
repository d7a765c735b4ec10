package cn.studyflow.plan;

import cn.studyflow.archive.ArchiveSource;
import cn.studyflow.archive.ArchiveTable;
import cn.studyflow.common.Dates;
import cn.studyflow.task.Action;
import cn.studyflow.task.ActionLog;
import cn.studyflow.upload.WordDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The annual and supplementary plans of a year for its archive, each as a .docx with its topics and its approvals. */
@Component
@RequiredArgsConstructor
class PlanArchive implements ArchiveSource {

    static final int ORDER = 10;
    private static final int MAX_PLANS = 1000;

    private final PlanMapper plans;
    private final PlanWord word;
    private final ActionLog actionLog;
    private final MessageSource messages;
    private final Dates dates;

    @Override
    public ArchivePart part(long orgId, int year, Locale locale) {
        ArchiveTable table = new ArchiveTable(messages, locale);
        for (Plan plan : plans.selectByOrgs(List.of(orgId), year, 0, MAX_PLANS)) {
            List<Action> approvals = actionLog.timeline(PlanService.ref(plan));
            table.row(plan.getTitle(), table.msg("plan.kind." + plan.getKind()),
                table.msg("plan.status." + plan.getStatus()), String.valueOf(plan.getRevision()),
                String.valueOf(approvals.size()));
            table.file(ArchiveFile.inFolder(table.msg("archive.folder.plans"), plan.getTitle() + ".docx",
                o -> document(plan, approvals, locale).write(o)));
        }
        return table.part(ORDER, "archive.part.plans", "archive.plan.title", "plan.kind", "plan.status",
            "plan.revision", "archive.approvals");
    }

    private WordDocument document(Plan plan, List<Action> approvals, Locale locale) {
        WordDocument doc = word.document(plan, locale);
        doc.heading(doc.msg("archive.approvals"));
        List<List<String>> rows = new ArrayList<>();
        for (Action a : approvals) {
            rows.add(List.of(dates.format(a.getCreatedAt()), a.getStepName() == null ? "" : a.getStepName(),
                a.getActorName() == null ? "" : a.getActorName(), doc.msg("action." + a.getAction()),
                a.getComment() == null ? "" : a.getComment()));
        }
        doc.table(List.of(doc.msg("archive.approval.at"), doc.msg("archive.approval.step"),
            doc.msg("archive.approval.by"), doc.msg("archive.approval.action"), doc.msg("archive.approval.comment")), rows);
        return doc;
    }
}
