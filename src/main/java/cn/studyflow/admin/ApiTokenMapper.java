package cn.studyflow.admin;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface ApiTokenMapper {

    void insert(ApiToken token);

    @Select("SELECT * FROM sf_api_token WHERE token_hash = #{hash}")
    ApiToken selectByHash(String hash);

    @Select("SELECT * FROM sf_api_token WHERE person_id = #{personId} ORDER BY created_at DESC, id DESC")
    List<ApiToken> selectByPerson(long personId);

    int countActive(@Param("personId") long personId, @Param("now") OffsetDateTime now);

    int revoke(@Param("id") long id, @Param("personId") long personId, @Param("now") OffsetDateTime now);

    @Update("UPDATE sf_api_token SET last_used_at = #{now} WHERE id = #{id}")
    void touch(@Param("id") long id, @Param("now") OffsetDateTime now);
}
