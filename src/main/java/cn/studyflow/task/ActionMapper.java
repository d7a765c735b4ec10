package cn.studyflow.task;

import cn.studyflow.journal.JournalCounts;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface ActionMapper {

    void insert(Action action);

    @Select("SELECT * FROM sf_action WHERE subject_type = #{type} AND subject_id = #{id} ORDER BY created_at, id")
    List<Action> selectBySubject(@Param("type") String type, @Param("id") long id);

    /** Sets when an action happened and its comment: for the demo's finished year, written after the fact. */
    void updateTimeAndComment(@Param("id") long id, @Param("at") OffsetDateTime at, @Param("comment") String comment);

    /** The last action on a task, claims included; null when nobody has acted on it. */
    Action selectLastByTask(String taskId);

    Action selectLastAtStep(@Param("processInstanceId") String processInstanceId, @Param("step") String step,
                            @Param("action") String action);

    /** Returns and withdrawals per process instance, for the status journal; instances without any are left out. */
    List<JournalCounts> selectJournalCounts(@Param("ids") Collection<String> processInstanceIds);
}
