package cn.studyflow.session;

import java.util.List;

/**
 * People another feature offers as lead speakers of a session of an organisation (the lecture feature's teacher
 * pool, 师资团), shown on the schedule form beside the organisation's members; {@code session} uses none of them.
 */
public interface SpeakerPool {

    List<SessionQueries.PersonOption> speakersFor(long orgId);
}
