package cn.studyflow.lecture;

/** How an entry came in: 个人自荐 or 基层推荐. */
public enum Nomination {
    SELF, RECOMMENDED
}
