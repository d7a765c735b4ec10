package cn.studyflow.org;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface OrgMapper {

    @Select("SELECT * FROM sf_org WHERE id = #{id}")
    Org selectById(long id);

    @Select("SELECT * FROM sf_org ORDER BY path")
    List<Org> selectAll();

    List<Org> selectByIds(@Param("ids") Collection<Long> ids);

    /** The organisation with this path prefix and everything below it, ordered as a tree. */
    List<Org> selectSubtree(@Param("path") String path);

    @Select("SELECT COUNT(*) FROM sf_org")
    int count();

    void insert(Org org);

    void updatePath(@Param("id") long id, @Param("path") String path);
}
