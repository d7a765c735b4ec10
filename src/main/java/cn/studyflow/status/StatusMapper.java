package cn.studyflow.status;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

/** Lists and live counts over the instance journal, one grouped query per figure. */
@Mapper
interface StatusMapper {

    /** Running instances per process: a live count of the dashboard. */
    List<ProcessFigures> selectRunning(@Param("s") StatusScope scope);

    /** The open steps of the scope by process, step and organisation: the dashboard's other live counts. */
    List<OpenStages> selectOpenStageCounts(@Param("s") StatusScope scope);

    List<StageFigures> selectWaiting(@Param("s") StatusScope scope, @Param("process") String process);


    long countInstances(@Param("s") StatusScope scope, @Param("q") InstanceQuery query, @Param("cap") long cap);

    List<InstanceRow> selectInstances(@Param("s") StatusScope scope, @Param("q") InstanceQuery query,
                                      @Param("offset") long offset, @Param("limit") int limit);

    Cursor<InstanceRow> selectInstancesForExport(@Param("s") StatusScope scope, @Param("q") InstanceQuery query,
                                                 @Param("limit") int limit);

    InstanceRow selectInstance(@Param("s") StatusScope scope, @Param("id") String id);

    List<Stage> selectOpenStages(@Param("ids") Collection<String> instanceIds);

    List<Stage> selectStages(@Param("id") String instanceId);

    /** The organisations of these instances that the scope may see: what an administrator's incident list shows. */
    List<InstanceRow> selectInstancesByIds(@Param("s") StatusScope scope, @Param("ids") Collection<String> ids);
}
