package cn.studyflow.archive;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.task.Decision;
import cn.studyflow.task.SubjectSupport;
import cn.studyflow.workflow.TaskInfo;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Shows a request to close a year on task and status pages; the leader decides on the generic form. */
@Component
class YearClosingSubjects extends SubjectSupport<YearClosing> {

    private final YearClosings closings;
    private final ArchiveAccess access;

    YearClosingSubjects(YearClosingMapper mapper, YearClosings closings, ArchiveAccess access) {
        super(YearArchiveClosingProcess.SUBJECT, mapper::selectById, YearClosing::getOrgId, mapper::selectJournalOwners);
        this.closings = closings;
        this.access = access;
    }

    @Override
    protected boolean canSee(YearClosing closing, CurrentUser user) {
        return access.canRead(user, closing.getOrgId());
    }

    @Override
    public Map<String, Object> model(long id, CurrentUser user) {
        YearClosing c = closings.byId(id);
        access.requireRead(user, c.getOrgId());
        return Map.of("closing", c, "archiveLink", ArchiveYears.link(c.getOrgId(), c.getClosingYear()));
    }

    @Override
    public void onDecision(long id, TaskInfo task, Decision decision, String comment, CurrentUser user) {
        closings.onDecision(id, task, decision, comment, user);
    }
}
