package cn.studyflow.org;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PersonMapper {

    Person selectById(long id);

    /** The person with their roles and organisation, in one query; null when there is no such person. */
    Account selectAccount(long id);

    Person selectByUsername(String username);

    /** The people with these user names, with their roles. */
    List<Person> selectByUsernames(@Param("usernames") Collection<String> usernames);

    /** Enabled people who hold {@code role} in organisation {@code orgId}. */
    List<Person> selectByOrgAndRole(@Param("orgId") long orgId, @Param("role") Role role);

    List<Person> selectByOrg(long orgId);

    /**
     * A page of the people of a subtree (organisation path prefix), optionally only those whose name or user
     * name contains {@code like} (a LIKE pattern), ordered by organisation path and name.
     */
    List<Person> selectInSubtree(@Param("path") String path, @Param("like") String like,
                                 @Param("offset") int offset, @Param("limit") int limit);

    int countInSubtree(@Param("path") String path, @Param("like") String like);

    /** How many enabled people an organisation has. */
    @Select("SELECT COUNT(*) FROM sf_person WHERE org_id = #{orgId} AND enabled = TRUE")
    int countEnabledInOrg(long orgId);

    int count();

    /** How many people, enabled or not, go by this display name. */
    @Select("SELECT COUNT(*) FROM sf_person WHERE display_name = #{displayName}")
    int countByDisplayName(String displayName);

    /** Those of these display names that more than one person goes by. */
    List<String> selectSharedDisplayNames(@Param("names") Collection<String> names);

    void insert(Person person);

    void insertRole(@Param("personId") long personId, @Param("role") Role role);

    /** Enabled people who hold {@code role} in any organisation. */
    List<Person> selectByRole(Role role);

    @Delete("DELETE FROM sf_person_role WHERE person_id = #{personId} AND role = #{role}")
    void deleteRole(@Param("personId") long personId, @Param("role") Role role);

    void updateDetails(Person person);

    @Update("UPDATE sf_person SET enabled = #{enabled} WHERE id = #{id}")
    void updateEnabled(@Param("id") long id, @Param("enabled") boolean enabled);

    @Update("UPDATE sf_person SET password_hash = #{hash}, must_change_password = #{mustChange} WHERE id = #{id}")
    void updatePassword(@Param("id") long id, @Param("hash") String hash, @Param("mustChange") boolean mustChange);

}
