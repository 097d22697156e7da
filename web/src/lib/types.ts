// Shapes of the workbench API (docs/api-workbench.md), all from the contract the server types its
// replies with (src/core/contract, z.infer of its schemas): a field renamed on one side fails the
// typecheck of the other. Type-only imports: no schema code reaches the bundle.
import type { ConversationSummary } from '../../../src/core/contract/conversations.js';
import type { RealtimeServerFrame } from '../../../src/core/contract/events.js';
import type { GuardInterventionView, GuardVerdictView, MessageView, ViolationView } from '../../../src/core/contract/messages.js';
import type {
  AgentRowView,
  ApiTokenRowView,
  BuyerProfileView,
  CaseBoardRow,
  CaseSummaryView,
  ChatPromiseView,
  ConversationDetailView,
  ItemView,
  LoginReply,
  MeView,
  MetricsView,
  OrderDetailView,
  OrderSummaryView,
  PromotionView,
  Role,
  ShopView,
  StandardAnswerView,
  TrainingExampleView,
} from '../../../src/core/contract/views.js';

export type { ConversationSummary, Role };
export type Agent = MeView['agent'];
export type Shop = ShopView;
export type Violation = ViolationView;
export type GuardVerdict = GuardVerdictView;
export type GuardIntervention = GuardInterventionView;
export type Message = MessageView;
export type BuyerProfile = BuyerProfileView;
export type OrderSummary = OrderSummaryView;
/** A case as the conversation detail lists it. */
export type CaseSummary = CaseSummaryView;
/** A case as the board (GET /cases) lists it. */
export type CaseRow = CaseBoardRow;
export type ChatPromise = ChatPromiseView;
export type ConversationDetail = ConversationDetailView;
export type OrderDetail = OrderDetailView;
export type Me = MeView;
export type { LoginReply, MetricsView, AgentRowView, ApiTokenRowView, ItemView, PromotionView, StandardAnswerView, TrainingExampleView };
export type { TextFindingView } from '../../../src/core/contract/settings.js';
export type { CorrectionView as Correction, CorrectionsSummaryView, RelabelReply } from '../../../src/core/contract/corrections.js';
/** A realtime frame as the client keeps it: control frames (ready, pong…) get seq 0. */
export type RealtimeFrame = Omit<RealtimeServerFrame, 'seq'> & { seq: number };
