package io.github.imagebuildersql.core.table;

/**
 * One item of a child listing ({@link Children}): the parent it was listed under (an ARN or an ID), the answer
 * page it came in (which names the parent's own references), and the item.
 *
 * @param <P> the child List call's response
 * @param <I> its items
 */
public record Child<P, I>(String parent, P page, I item) {}
