package cn.studyflow.org;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface PersonMapper {

    Person selectById(long id);

    Person selectByUsername(String username);

    /** Enabled people who hold {@code role} in organisation {@code orgId}. */
    List<Person> selectByOrgAndRole(@Param("orgId") long orgId, @Param("role") Role role);

    List<Person> selectByOrg(long orgId);

    int count();

    void insert(Person person);

    void insertRole(@Param("personId") long personId, @Param("role") Role role);

    /** Enabled people who hold {@code role} in any organisation. */
    List<Person> selectByRole(Role role);
}
