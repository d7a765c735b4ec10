package cn.studyflow.plan;

import cn.studyflow.journal.JournalOwner;
import cn.studyflow.status.OrgRow;
import cn.studyflow.status.StatusScope;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface PlanMapper {

    @Select("SELECT * FROM sf_plan WHERE id = #{id}")
    Plan selectById(long id);

    /** Plans of the given organisations, newest year first; {@code year} may be null. */
    List<Plan> selectByOrgs(@Param("orgIds") Collection<Long> orgIds, @Param("year") Integer year,
                            @Param("offset") int offset, @Param("limit") int limit);

    int countByOrgs(@Param("orgIds") Collection<Long> orgIds, @Param("year") Integer year);

    @Select("SELECT COUNT(*) FROM sf_plan")
    int countAll();

    @Select("SELECT COUNT(*) FROM sf_plan WHERE annual_key = #{annualKey}")
    int countAnnual(String annualKey);

    @Select("SELECT COALESCE(MAX(topic_key), 0) FROM sf_plan_topic WHERE plan_id = #{planId}")
    int selectMaxTopicKey(long planId);

    void insert(Plan plan);

    /** Updates title, status, revision and process instance if the row still has {@code version}; returns rows changed. */
    int update(Plan plan);

    List<PlanTopic> selectTopics(@Param("planId") long planId, @Param("revision") int revision);


    /** Inserts the topics of one revision in one statement. */
    void insertTopics(@Param("topics") List<PlanTopic> topics);

    void deleteTopics(@Param("planId") long planId, @Param("revision") int revision);

    List<PlanRevision> selectRevisions(long planId);

    void insertRevision(@Param("planId") long planId, @Param("revision") int revision);

    void markRevisionSubmitted(@Param("planId") long planId, @Param("revision") int revision,
                               @Param("personId") long personId);

    /** Whose these process instances are, for the status journal; given to it through {@code PlanSubjects}. */
    List<JournalOwner> selectJournalOwners(@Param("ids") Collection<String> processInstanceIds);

    /** The status dashboard's plan figures per organisation of the scope; see {@code PlanOrgFigures}. */
    List<OrgRow> selectOrgFigures(@Param("s") StatusScope scope, @Param("year") int year);
}
