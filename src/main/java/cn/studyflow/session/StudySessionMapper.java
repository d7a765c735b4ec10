package cn.studyflow.session;

import cn.studyflow.assessment.StudyPeriod;
import cn.studyflow.status.OrgRow;
import cn.studyflow.status.StatusScope;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface StudySessionMapper {

    @Select("SELECT * FROM sf_study_session WHERE id = #{id}")
    StudySession selectById(long id);

    @Select("SELECT * FROM sf_study_session WHERE plan_id = #{planId} ORDER BY session_month, id")
    List<StudySession> selectByPlan(long planId);

    List<StudySession> selectByOrgs(@Param("orgIds") Collection<Long> orgIds, @Param("year") Integer year);

    /** The sessions of these ids, in no order; {@code ids} must not be empty. */
    List<StudySession> selectByIds(@Param("ids") Collection<Long> ids);

    /** The sessions of one organisation from a year on, by year, month, day and id. */
    List<StudySession> selectByOrgFrom(@Param("orgId") long orgId, @Param("fromYear") int fromYear);

    /** The ids of the sessions a period counts as planned in its scope (as {@code selectPeriodSessions} does). */
    List<Long> selectPeriodIds(@Param("s") StudyPeriod period);

    /**
     * The scheduled sessions of these organisations from month {@code fromMonth} to {@code toMonth} (each
     * {@code year * 100 + month}), by year, month, the organisation's path and id; {@code orgIds} must not be empty.
     */
    List<StudySession> selectScheduledIn(@Param("orgIds") Collection<Long> orgIds, @Param("fromMonth") int fromMonth,
                                         @Param("toMonth") int toMonth);

    void insertAll(@Param("sessions") List<StudySession> sessions);

    /** The status dashboard's session figures per organisation of the scope; see {@code SessionOrgFigures}. */
    List<OrgRow> selectOrgFigures(@Param("s") StatusScope scope, @Param("year") int year);
}
