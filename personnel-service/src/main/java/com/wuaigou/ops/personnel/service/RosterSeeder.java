package com.wuaigou.ops.personnel.service;

import com.wuaigou.ops.common.demo.DemoDataConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * At every start, adds what is missing of the reference groups and posts, and of the demo roster when asked. It goes
 * through the services, so the seeds publish their events like any other change.
 */
@ApplicationScoped
public class RosterSeeder {

    private static final Logger LOG = Logger.getLogger(RosterSeeder.class);

    private final GroupService groups;
    private final PostService posts;
    private final StaffService staff;
    private final DemoDataConfig demoData;

    RosterSeeder(GroupService groups, PostService posts, StaffService staff, DemoDataConfig demoData) {
        this.groups = groups;
        this.posts = posts;
        this.staff = staff;
        this.demoData = demoData;
    }

    void onStart(@Observes StartupEvent event) {
        // A restart finds them all: one read of the codes, rather than a transaction for each group and post.
        Set<String> groupCodes = groups.codes();
        Set<String> postCodes = posts.codes();
        long newGroups = ReferenceRoster.GROUPS.stream().filter(group -> !groupCodes.contains(group.code()))
                .filter(groups::createIfMissing).count();
        long newPosts = ReferenceRoster.POSTS.entrySet().stream().filter(post -> !postCodes.contains(post.getKey()))
                .filter(post -> posts.createIfMissing(post.getKey(), post.getValue())).count();
        LOG.infof("Reference roster: %d groups and %d posts added", newGroups, newPosts);
        if (demoData.enabled()) {
            long added = DemoRoster.people().stream()
                    .filter(person -> staff.createIfAbsent(person.staff(), person.id())).count();
            LOG.infof("Demo roster: %d fictional staff added", added);
        }
    }
}
