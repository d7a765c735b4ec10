package cn.studyflow.task;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ActionMapper {

    void insert(Action action);

    /** Counts a return or a withdrawal on the instance's journal row, which the managers' figures read. */
    @Update("UPDATE sf_instance SET returns = returns + #{returns}, withdrawals = withdrawals + #{withdrawals}"
        + " WHERE id = #{processInstanceId}")
    void countOnInstance(@Param("processInstanceId") String processInstanceId, @Param("returns") int returns,
                         @Param("withdrawals") int withdrawals);

    @Select("SELECT * FROM sf_action WHERE subject_type = #{type} AND subject_id = #{id} ORDER BY created_at, id")
    List<Action> selectBySubject(@Param("type") String type, @Param("id") long id);

    /** The last action on a task, claims included; null when nobody has acted on it. */
    Action selectLastByTask(String taskId);

    Action selectLastAtStep(@Param("processInstanceId") String processInstanceId, @Param("step") String step,
                            @Param("action") String action);
}
