import { GraphQLList, GraphQLNonNull, type GraphQLNullableType } from 'graphql';

/** `T!` */
export const nonNull = <T extends GraphQLNullableType>(type: T) => new GraphQLNonNull(type);

/** `[T!]!` */
export const listOf = <T extends GraphQLNullableType>(type: T) => nonNull(new GraphQLList(nonNull(type)));

/** `[T!]` */
export const listOrNull = <T extends GraphQLNullableType>(type: T) => new GraphQLList(nonNull(type));
