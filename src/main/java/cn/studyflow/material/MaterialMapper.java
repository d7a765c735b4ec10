package cn.studyflow.material;

import cn.studyflow.status.OrgRow;
import cn.studyflow.assessment.StudyPeriod;
import cn.studyflow.journal.JournalOwner;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface MaterialMapper {

    /**
     * The material with its author's name; null when there is none. Read it through {@link MaterialReads}, which
     * adds its session's title and day.
     */
    Material selectById(long id);

    /**
     * Materials of {@code orgIds} that this reader may see: archived ones, their own, and all of those in
     * {@code fullOrgIds} (where they review or supervise). Filters may be null. Through {@link MaterialReads}.
     */
    List<Material> selectVisible(@Param("filter") MaterialFilter filter, @Param("offset") int offset,
                                 @Param("limit") int limit);

    int countVisible(@Param("filter") MaterialFilter filter);

    void insert(Material material);

    /** Updates the changeable fields if the row still has {@code version}; returns rows changed. */
    int update(Material material);

    List<MaterialVersion> selectVersions(long materialId);

    /** The materials of an organisation signed off for these sessions, in no order; {@code sessionIds} not empty. */
    List<Material> selectArchivedOfSessions(@Param("orgId") long orgId,
                                            @Param("sessionIds") Collection<Long> sessionIds);

    MaterialVersion selectVersion(@Param("materialId") long materialId, @Param("versionNo") int versionNo);

    void insertVersion(MaterialVersion version);

    void markVersionSubmitted(@Param("materialId") long materialId, @Param("versionNo") int versionNo,
                              @Param("at") OffsetDateTime at);

    @Select("SELECT * FROM sf_material_review WHERE material_id = #{materialId} ORDER BY created_at, id")
    List<MaterialReview> selectReviews(long materialId);

    List<MaterialCheck> selectChecks(long materialId);

    void insertReview(MaterialReview review);

    void insertCheck(MaterialCheck check);

    /** The materials of a session still under review (not archived), whose deadlines move with it. */
    @Select("SELECT id FROM sf_material WHERE session_id = #{sessionId} AND status <> 'ARCHIVED' ORDER BY id")
    List<Long> selectOpenIds(long sessionId);

    /** The deadline follows the session and no one edits it, so it moves without the row's version. */
    @Update("UPDATE sf_material SET deadline = #{deadline} WHERE id = #{id}")
    void updateDeadline(@Param("id") long id, @Param("deadline") OffsetDateTime deadline);

    /** Whose these process instances are, for the status journal; given to it through {@code MaterialSubjects}. */
    List<JournalOwner> selectJournalOwners(@Param("ids") Collection<String> processInstanceIds);

    /**
     * Cleared by their deadline ({@code n}) of the materials due ({@code m}) of these sessions of a period, per
     * organisation of its scope; see {@code MaterialIndicators}. {@code sessionIds} must not be empty.
     */
    List<OrgRow> selectPeriodCleared(@Param("s") StudyPeriod period, @Param("sessionIds") Collection<Long> sessionIds);
}
