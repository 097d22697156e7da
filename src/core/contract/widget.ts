// The buyer's web-chat widget: the shop in the path, the visitor id on the socket.
import { z } from 'zod';

export const widgetShopParams = z.object({ shopId: z.string().min(1).max(100) });
export const widgetSocketQuery = z.object({ visitor: z.string().optional() });
