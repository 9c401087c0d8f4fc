package dev.halyard.user.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Notifications in the user database. */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    public Uni<List<Notification>> newestFirst(UUID userId, int page, int size) {
        return find("userId", Sort.descending("createdAt", "notificationId"), userId).page(Page.of(page, size))
                .list();
    }
}
