package cn.studyflow.org;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface OrgMapper {

    @Select("SELECT * FROM sf_org WHERE id = #{id}")
    Org selectById(long id);

    @Select("SELECT * FROM sf_org WHERE code = #{code}")
    Org selectByCode(String code);

    @Select("SELECT * FROM sf_org ORDER BY path")
    List<Org> selectAll();

    List<Org> selectByIds(@Param("ids") Collection<Long> ids);

    /** The organisation with this path prefix and everything below it, ordered as a tree. */
    List<Org> selectSubtree(@Param("path") String path);

    @Select("SELECT COUNT(*) FROM sf_org")
    int count();

    void insert(Org org);

    void updatePath(@Param("id") long id, @Param("path") String path);

    @Update("UPDATE sf_org SET name = #{name}, kind = #{kind} WHERE id = #{id}")
    void updateNameAndKind(@Param("id") long id, @Param("name") String name, @Param("kind") OrgKind kind);

    @Update("UPDATE sf_org SET parent_id = #{parentId} WHERE id = #{id}")
    void updateParent(@Param("id") long id, @Param("parentId") long parentId);

    /** Rewrites the paths of a whole subtree after a move: {@code oldPrefix} becomes {@code newPrefix}. */
    int movePaths(@Param("oldPrefix") String oldPrefix, @Param("newPrefix") String newPrefix);

    /** Serialises moves in the tree: a mover holds the top organisations' rows until it commits. */
    @Select("SELECT id FROM sf_org WHERE parent_id IS NULL ORDER BY id FOR UPDATE")
    List<Long> lockRoots();

    @Update("UPDATE sf_org SET active = #{active} WHERE id = #{id}")
    void updateActive(@Param("id") long id, @Param("active") boolean active);
}
