package cn.studyflow.session;

import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ComingSessionMapper {

    List<StudySession> selectComing(@Param("personId") long personId, @Param("from") LocalDate from);
}
