package cn.studyflow.assessment;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Grades and comments (with their history) and the administrator's weights. */
@Mapper
interface AssessmentMapper {

    Assessment selectOne(@Param("orgId") long orgId, @Param("year") int year);

    /** The recorded grades of a year of the organisations whose path starts with {@code path}. */
    List<Assessment> selectInSubtree(@Param("path") String path, @Param("year") int year);

    int insert(Assessment assessment);

    /** Writes grade, comment and score at the version read; 0 when someone saved meanwhile. */
    int update(Assessment assessment);

    /** Appends the assessment's current grade, comment, score, who and when to its history. */
    int insertEntry(Assessment assessment);

    /** The history of an assessment, newest first. */
    List<Assessment> selectEntries(@Param("assessmentId") long assessmentId);

    List<WeightRow> selectWeights();

    @Delete("DELETE FROM sf_assessment_weight")
    int deleteWeights();

    int insertWeight(@Param("indicator") Indicator indicator, @Param("weight") int weight, @Param("by") long by,
                     @Param("at") OffsetDateTime at);
}
