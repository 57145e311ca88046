package com.wuaigou.ops.personnel.service;

import com.wuaigou.ops.common.concurrency.Preconditions;
import com.wuaigou.ops.common.jdbc.TransactionSql;
import com.wuaigou.ops.common.problem.ProblemException;
import com.wuaigou.ops.common.time.DepartmentClock;
import com.wuaigou.ops.personnel.domain.Post;
import com.wuaigou.ops.personnel.domain.Staff;
import com.wuaigou.ops.personnel.domain.StaffStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.wuaigou.ops.personnel.service.RosterRules.POST_NOT_IN_GROUP;
import static com.wuaigou.ops.personnel.service.RosterRules.UNIQUE_POST_CODE;

/** Posts and their primary and secondary duties. */
@ApplicationScoped
public class PostService {

    private final DepartmentClock clock;
    private final TransactionSql sql;

    PostService(DepartmentClock clock, TransactionSql sql) {
        this.clock = clock;
        this.sql = sql;
    }

    public record PostDefinition(String title, String groupCode, List<String> primaryDuties,
                                 List<String> secondaryDuties) {
    }

    public Post get(String code) {
        Post post = Post.findById(code);
        if (post == null) {
            throw ProblemException.notFound("post", code);
        }
        return post;
    }

    @Transactional
    public Post create(String code, PostDefinition definition) {
        if (Post.findById(code) != null) {
            throw ProblemException.conflict(UNIQUE_POST_CODE, "A post with code " + code + " exists");
        }
        Post post = new Post();
        post.code = code;
        apply(post, definition);
        post.persist();
        return post;
    }

    /** The codes of every post, in one statement: the seed asks at every start which of its posts are missing. */
    @Transactional
    public Set<String> codes() {
        return new HashSet<>(sql.list("select code from post", row -> row.getString(1)));
    }

    /** Creates the post unless its code exists; for the seed, which runs at every start. */
    @Transactional
    public boolean createIfMissing(String code, PostDefinition definition) {
        if (Post.findById(code) != null) {
            return false;
        }
        create(code, definition);
        return true;
    }

    @Transactional
    public Post update(String code, String ifMatch, PostDefinition definition) {
        Post post = get(code);
        Preconditions.requireCurrent(ifMatch, "Post " + code, post.version);
        long holders = Staff.count("postCode = ?1 and status <> ?2", code, StaffStatus.LEFT);
        if (!post.groupCode.equals(definition.groupCode()) && holders > 0) {
            throw ProblemException.ruleViolation(POST_NOT_IN_GROUP, "Post " + code + " is held by " + holders
                    + " people of group " + post.groupCode + "; move them before moving the post");
        }
        apply(post, definition);
        return post;
    }

    private void apply(Post post, PostDefinition definition) {
        StaffService.existingGroup(definition.groupCode(), "groupCode");
        post.title = definition.title();
        post.groupCode = definition.groupCode();
        post.primaryDuties = new ArrayList<>(definition.primaryDuties());
        post.secondaryDuties = new ArrayList<>(definition.secondaryDuties() == null ? List.of()
                : definition.secondaryDuties());
        post.updatedAt = clock.now();
    }
}
