package cn.studyflow.modeler;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface DeploymentRecordMapper {

    void insert(DeploymentRecord record);

    List<DeploymentRecord> selectByKey(String processKey);
}
