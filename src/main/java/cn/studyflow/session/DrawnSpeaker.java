package cn.studyflow.session;

import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.Setter;

/** A speaker drawn by random roll-call (随机点名), with who drew and the note kept. */
@Getter
@Setter
public class DrawnSpeaker {

    private long personId;
    private String displayName;
    private String drawnByName;
    private OffsetDateTime drawnAt;
    private String note;
}
