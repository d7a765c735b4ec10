package cn.studyflow.audit;

import cn.studyflow.assessment.StudyPeriod;
import cn.studyflow.journal.JournalOwner;
import cn.studyflow.session.StudySession;
import cn.studyflow.status.OrgRow;
import cn.studyflow.status.StatusScope;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface AuditMapper {

    // --- the auditor pool

    /** The pool of a dept, with each person's name and organisation. */
    List<PoolMember> selectPool(long deptOrgId);

    PoolMember selectPoolMember(long id);

    /** Active pool members who are still enabled and still hold the auditor role. */
    List<PoolMember> selectActiveAuditors(long deptOrgId);

    /** People with the auditor role in the dept's subtree who are not in its pool yet. */
    List<PoolMember> selectPoolCandidates(@Param("deptOrgId") long deptOrgId, @Param("deptPath") String deptPath);

    void insertPoolMember(PoolMember member);

    int updatePoolMember(PoolMember member);

    // --- sessions that may be audited

    /** Those of these sessions that an audit not declined stands on; {@code sessionIds} must not be empty. */
    List<Long> selectStandingSessionIds(@Param("sessionIds") Collection<Long> sessionIds);

    @Select("SELECT COUNT(*) FROM sf_audit WHERE session_id = #{sessionId} AND status <> 'DECLINED'")
    int countStandingAudits(long sessionId);

    /** The audits of a session not sat in yet (asked for, being staffed, scheduled): their day follows the session. */
    List<Long> selectWaitingAuditIds(long sessionId);

    /** Who audited each organisation last time: the assigned auditors of its latest audit that stands. */
    List<LastAuditor> selectLastAuditors(@Param("orgIds") Collection<Long> orgIds);

    /**
     * Who is booked on which audit from {@code from} to {@code to}, declined assignments and audits left out; without
     * the session's hours, which {@code AuditSessions.bookings} adds.
     */
    List<Booked> selectBookings(@Param("from") LocalDate from, @Param("to") LocalDate to);

    // --- audits

    void insertAudit(Audit audit);

    /** Updates the mutable fields if the row still has {@code version}; returns rows changed. */
    int updateAudit(Audit audit);

    // these three leave out the title and day of the audit's session: read audits through AuditSessions

    Audit selectAudit(long id);

    List<Audit> selectVisible(AuditQuery query);

    int countVisible(AuditQuery query);

    List<Audit> selectByDraw(long drawId);

    // --- assignments

    void insertAssignment(AuditAssignment assignment);

    int updateAssignment(AuditAssignment assignment);

    List<AuditAssignment> selectAssignments(long auditId);

    // --- records

    void insertRecord(AuditRecord record);

    void insertRecordPoint(@Param("recordId") long recordId, @Param("pointCode") String pointCode,
                           @Param("checked") boolean checked);

    List<AuditRecord> selectRecords(long auditId);

    List<AuditRecord.RecordPoint> selectRecordPoints(long auditId);

    // --- rectifications

    void insertRectification(Rectification rectification);

    int updateRectificationReview(@Param("id") long id, @Param("decision") String decision,
                                  @Param("comment") String comment, @Param("reviewedBy") long reviewedBy,
                                  @Param("reviewedAt") OffsetDateTime reviewedAt);

    List<Rectification> selectRectifications(long auditId);

    // --- draws

    void insertDraw(StoredDraw draw);

    StoredDraw selectDraw(long id);

    /** Session draws of the given programme, newest first. */
    List<StoredDraw> selectDraws(@Param("deptOrgId") long deptOrgId, @Param("offset") int offset,
                                 @Param("limit") int limit);

    @Select("SELECT COUNT(*) FROM sf_audit_draw WHERE dept_org_id = #{deptOrgId} AND kind = 'SESSIONS'")
    int countDraws(long deptOrgId);

    // --- the yearly overview

    /** One row per organisation below the dept, audited or not, in one aggregate query. */
    List<OrgAuditSummary> selectOverview(@Param("deptOrgId") long deptOrgId, @Param("deptPath") String deptPath,
                                         @Param("year") int year);

    /** An auditor booked on an audit: on its day, at the session's hours when known. */
    @lombok.Getter
    @lombok.Setter
    class Booked {

        private Long personId;
        private String displayName;
        private Long auditId;
        private String title;
        private Long sessionId;
        private LocalDate sitInDay;
        private java.time.LocalTime startTime;
        private java.time.LocalTime endTime;

        /** Takes the session's hours when the audit sits in on the session's own day, none otherwise. */
        void hoursOf(StudySession session) {
            boolean held = session != null && sitInDay != null && sitInDay.equals(session.getSessionDate());
            startTime = held ? session.getStartTime() : null;
            endTime = held ? session.getEndTime() : null;
        }

        AuditDraw.Slot slot() {
            return new AuditDraw.Slot(sitInDay, startTime, endTime);
        }

        AuditDraw.Booking booking() {
            return new AuditDraw.Booking(personId, slot());
        }
    }

    /** Who audited an organisation last time, one row per auditor. */
    class LastAuditor {

        private Long orgId;
        private Long personId;

        public Long getOrgId() { return orgId; }
        public void setOrgId(Long orgId) { this.orgId = orgId; }
        public Long getPersonId() { return personId; }
        public void setPersonId(Long personId) { this.personId = personId; }
    }

    /** Whose these process instances are, for the status journal; given to it through {@code AuditSubjects}. */
    List<JournalOwner> selectJournalOwners(@Param("ids") Collection<String> processInstanceIds);

    /** The status dashboard's audit figures per organisation of the scope; see {@code AuditOrgFigures}. */
    List<OrgRow> selectOrgFigures(@Param("s") StatusScope scope, @Param("year") int year);

    /** The audits of a session, for its page (each still checked by {@code AuditAccess.canSee}). */
    @Select("SELECT * FROM sf_audit WHERE session_id = #{sessionId} ORDER BY id")
    List<Audit> selectBySession(long sessionId);

    /** Points given ({@code n}) against the most possible ({@code m}) in a period's audits; see {@code AuditIndicators}. */
    List<OrgRow> selectPeriodScores(@Param("s") StudyPeriod period);

    /** Rectifications accepted on time ({@code n}) of those due by {@code today} or accepted ({@code m}). */
    List<OrgRow> selectPeriodRectifications(@Param("s") StudyPeriod period, @Param("today") LocalDate today);

    // --- an audit recorded after the fact, moved to the days it happened on (the demo's finished year)

    void updateDays(@Param("id") long id, @Param("d") AuditDays days);

    void updateAssignmentDays(@Param("id") long id, @Param("d") AuditDays days);

    void updateRecordDays(@Param("id") long id, @Param("d") AuditDays days);

    void updateRectificationDays(@Param("id") long id, @Param("d") AuditDays days);
}
