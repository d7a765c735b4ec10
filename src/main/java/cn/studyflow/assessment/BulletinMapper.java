package cn.studyflow.assessment;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Bulletins, with the names of their organisation and of who wrote and published them. */
@Mapper
interface BulletinMapper {

    Bulletin selectById(@Param("id") long id);

    /**
     * The bulletins a person at {@code path} reads, newest first: those published for a subtree holding their
     * organisation and, with {@code issuer}, every bulletin of their own subtree, drafts included.
     */
    List<Bulletin> selectReadable(@Param("path") String path, @Param("issuer") boolean issuer,
                                  @Param("offset") int offset, @Param("limit") int limit);

    long countReadable(@Param("path") String path, @Param("issuer") boolean issuer);

    int insert(Bulletin bulletin);

    /** Writes title and body of a draft at the version read; 0 when it changed meanwhile or was published. */
    int updateDraft(Bulletin bulletin);

    /** Publishes a draft at the version read; 0 when it changed meanwhile or was published. */
    int publish(Bulletin bulletin);
}
