package cn.studyflow.task;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface CopyMapper {

    void insert(Copy copy);

    int countBySubjectAndPerson(@Param("type") String type, @Param("id") long id, @Param("personId") long personId);

    @Select("SELECT person_id FROM sf_copy WHERE subject_type = #{type} AND subject_id = #{id}")
    List<Long> selectPersonIds(@Param("type") String type, @Param("id") long id);

    List<Copy> selectByPerson(@Param("personId") long personId, @Param("offset") int offset, @Param("limit") int limit);

    @Select("SELECT COUNT(*) FROM sf_copy WHERE person_id = #{personId}")
    int countByPerson(long personId);
}
