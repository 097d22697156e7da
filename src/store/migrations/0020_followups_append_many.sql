-- Issue 14 (performance, C8/F3): the follow-up sender stores a whole batch of proactive messages
-- in one set-based statement instead of one dxe_append_outgoing call per conversation. It keeps
-- every invariant dxe_append_outgoing (0003) keeps, for bot messages of one part each:
--   * sequence numbers: each conversation's last_seq grows by its number of items, and its
--     messages take the numbers in item order (a conversation may appear several times);
--   * last_message_at; first_response_at as dxe_append_outgoing sets it, except that a proactive
--     item to a buyer who never wrote leaves it as it was (a proactive message is not an answer, C2);
--   * the message rows (guard verdict stored on the message);
--   * promises tied to the buyer's order still under way (D8);
--   * the bridge outbox rows (deliveries) where the caller's delivery port gave a callback URL.
-- The caller holds the conversation rows locked (FOR UPDATE) and emits message.created for each
-- returned message. Items: [{ord, conv, text, verdict, url, promises: [{kind, text}], proactive}].
-- Returns [{ord, message}] with each stored message row, in item order.
CREATE OR REPLACE FUNCTION dxe_append_outgoing_many(p_items jsonb, p_finished_states text[], p_now timestamptz)
RETURNS jsonb LANGUAGE sql AS $$
  WITH items AS (
    SELECT (x->>'ord')::integer AS ord, x->>'conv' AS conv, x->>'text' AS text, x->'verdict' AS verdict,
           x->>'url' AS url, coalesce(x->'promises', '[]'::jsonb) AS promises,
           coalesce((x->>'proactive')::boolean, false) AS proactive
      FROM jsonb_array_elements(p_items) AS x
  ),
  numbered AS (
    SELECT i.*, (row_number() OVER (PARTITION BY i.conv ORDER BY i.ord))::integer AS k FROM items i
  ),
  per_conv AS (
    SELECT conv, count(*)::integer AS n, bool_and(proactive) AS proactive FROM items GROUP BY conv
  ),
  conv AS (
    UPDATE conversations c SET last_seq = c.last_seq + g.n, last_message_at = p_now,
        first_response_at = CASE WHEN g.proactive AND c.first_buyer_message_at IS NULL
                                 THEN c.first_response_at ELSE coalesce(c.first_response_at, p_now) END
      FROM per_conv g
      WHERE c.id = g.conv
      RETURNING c.id, c.shop_id, c.buyer_id, c.last_seq - g.n AS base
  ),
  ins AS (
    INSERT INTO messages (shop_id, conversation_id, seq, direction, author_kind, author_id, text, guard_verdict,
        sent_at, created_at, reply_to)
      SELECT c.shop_id, c.id, c.base + nb.k, 'out', 'bot', NULL, nb.text, nb.verdict, p_now, p_now, NULL
        FROM numbered nb JOIN conv c ON c.id = nb.conv
      RETURNING *
  ),
  placed AS (
    SELECT nb.ord, nb.url, nb.promises, m.id AS message_id, m.shop_id, m.conversation_id, c.buyer_id, to_jsonb(m) AS row
      FROM ins m
      JOIN conv c ON c.id = m.conversation_id
      JOIN numbered nb ON nb.conv = m.conversation_id AND c.base + nb.k = m.seq
  ),
  dlv AS (
    INSERT INTO deliveries (shop_id, message_id, callback_url, next_attempt_at)
      SELECT p.shop_id, p.message_id, p.url, p_now FROM placed p WHERE p.url IS NOT NULL
  ),
  prm AS (
    INSERT INTO promises (id, shop_id, conversation_id, order_id, message_id, kind, text, created_at)
      SELECT gen_random_uuid()::text, p.shop_id, p.conversation_id,
             (SELECT o.id FROM orders o
               WHERE o.shop_id = p.shop_id AND o.buyer_id = p.buyer_id AND NOT (o.state = ANY(p_finished_states))
               ORDER BY o.ordered_at DESC LIMIT 1),
             p.message_id, e->>'kind', e->>'text', p_now
        FROM placed p CROSS JOIN LATERAL jsonb_array_elements(p.promises) AS e
  )
  SELECT coalesce(jsonb_agg(jsonb_build_object('ord', p.ord, 'message', p.row) ORDER BY p.ord), '[]'::jsonb) FROM placed p;
$$;
